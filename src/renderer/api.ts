import { type LexDeskApi, unwrapApi } from '../shared/unwrap-api';

/**
 * The bridge to main, read once and unwrapped here, in the renderer's own
 * world, so failures arrive as coded `AppError`s. Components reach main only
 * through the stores that use it.
 */
export const api: LexDeskApi = unwrapApi(window.api);
