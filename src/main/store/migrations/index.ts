import type { Migration } from '../migrate';
import { m001Settings } from './001-settings';
import { m002Secrets } from './002-secrets';
import { m003Documents } from './003-documents';
import { m004Providers } from './004-providers';
import { m005Answers } from './005-answers';
import { m006SearchAndCache } from './006-search-and-cache';
import { m007Matters } from './007-matters';
import { m008SecureDeleteSearch } from './008-secure-delete-search';
import { m009AnswerFinish } from './009-answer-finish';
import { m010AnswerFollows } from './010-answer-follows';
import { m011ModelOutputLimit } from './011-model-output-limit';
import { m012PageTokens } from './012-page-tokens';
import { m013ProviderCalls } from './013-provider-calls';
import { m014AnswerPlan } from './014-answer-plan';
import { m015AnswerCitations } from './015-answer-citations';
import { m016ProviderLimits } from './016-provider-limits';
import { m017BatchJobs } from './017-batch-jobs';

/** Every schema change, oldest first; a migration is never edited once released. */
export const migrations: readonly Migration[] = [
  m001Settings,
  m002Secrets,
  m003Documents,
  m004Providers,
  m005Answers,
  m006SearchAndCache,
  m007Matters,
  m008SecureDeleteSearch,
  m009AnswerFinish,
  m010AnswerFollows,
  m011ModelOutputLimit,
  m012PageTokens,
  m013ProviderCalls,
  m014AnswerPlan,
  m015AnswerCitations,
  m016ProviderLimits,
  m017BatchJobs,
];
