import { readFileSync } from 'node:fs';
import type { DocumentDetail } from '../../../shared/documents';
import { PAGE_SEPARATOR } from '../../../shared/page-map';
import { comparable } from '../../citations/source-text';
import { extractDocument } from '../../documents/extract';
import { sharedFile } from '../../testing/shared-data';
import { createOutlineCache, focusedPlanOf } from '../plan-question';

/**
 * The focused plan measured on CUAD: for each of the 41 categories' questions
 * (CUAD's own wording, from category_descriptions.csv) over each contract with
 * gold answers, the passages chosen at a quarter of the contract's tokens,
 * and how many of the gold clause spans (cuad-answers.csv) they hold whole.
 * Shared by the test that holds the target and the bench that prints it.
 */

export interface CategoryRecall {
  category: string;
  spans: number;
  held: number;
}

export interface CuadRecall {
  contracts: number;
  /** Gold spans found in the stored text (the rest differ from it and are not counted). */
  spans: number;
  held: number;
  /** Spans in the gold answers that the stored text does not hold as written. */
  unplaced: number;
  byCategory: CategoryRecall[];
  /** What the passages sent came to, against the budget, over every question. */
  tokensSent: number;
  tokensBudget: number;
}

/** A quarter of each contract's tokens, as the issue sets it. */
export const CUAD_BUDGET_SHARE = 0.25;

/** The question CUAD asks of a contract for a category. */
export function cuadQuestion(category: string, description: string): string {
  return `Highlight the parts (if any) of this contract related to "${category}" that should be reviewed by a lawyer. Details: ${description}`;
}

export async function measureCuadRecall(): Promise<CuadRecall> {
  const categories = readCategories();
  const answers = parseCsv(readFileSync(sharedFile('contracts-en', 'cuad-answers.csv'), 'utf8'));
  const header = answers[0] ?? [];
  const outlines = createOutlineCache();
  const byCategory = new Map(categories.map((c) => [c.category, { category: c.category, spans: 0, held: 0 }]));
  const result: CuadRecall = {
    contracts: 0,
    spans: 0,
    held: 0,
    unplaced: 0,
    byCategory: [],
    tokensSent: 0,
    tokensBudget: 0,
  };
  for (const row of answers.slice(1)) {
    const name = `${(row[0] ?? '').replace(/\.pdf$/iu, '')}.txt`;
    const doc = await loadText(name);
    const text = doc.pageTexts.map((page) => page.text).join(PAGE_SEPARATOR);
    const whole = comparable(text, 'loose').text;
    const budget = Math.floor(doc.tokens.o200k_base * CUAD_BUDGET_SHARE);
    result.contracts++;
    for (const { category, description } of categories) {
      const column = header.indexOf(category);
      if (column < 0) throw new Error(`CUAD answers have no column "${category}"`);
      // A span with "<omitted>" in it is its pieces, each to be held.
      const gold = parsePythonList(row[column] ?? '[]')
        .map((span) =>
          span
            .split('<omitted>')
            .map((piece) => comparable(piece, 'loose').text)
            .filter(Boolean),
        )
        .filter((pieces) => pieces.length > 0);
      if (gold.length === 0) continue;
      const placed = gold.filter((pieces) => pieces.every((piece) => whole.includes(piece)));
      result.unplaced += gold.length - placed.length;
      // The budget is for the text chosen, as the target says; a request adds each excerpt's framing.
      const excerpts = focusedPlanOf(
        [doc],
        cuadQuestion(category, description),
        'o200k_base',
        budget,
        outlines,
        () => 0,
      );
      const sent = excerpts[0] ?? [];
      result.tokensSent += sent.reduce((sum, excerpt) => sum + excerpt.tokens, 0);
      result.tokensBudget += budget;
      const selected = sent.map((excerpt) => comparable(text.slice(excerpt.start, excerpt.end), 'loose').text);
      const held = placed.filter((pieces) =>
        pieces.every((piece) => selected.some((part) => part.includes(piece))),
      ).length;
      const tally = byCategory.get(category) as CategoryRecall;
      tally.spans += placed.length;
      tally.held += held;
      result.spans += placed.length;
      result.held += held;
    }
  }
  result.byCategory = [...byCategory.values()];
  return result;
}

async function loadText(name: string): Promise<DocumentDetail> {
  const bytes = new Uint8Array(readFileSync(sharedFile('contracts-en', name)));
  const extraction = await extractDocument(bytes, name, undefined);
  return {
    ...extraction,
    sha256: name.padEnd(64, '0').slice(0, 64),
    name,
    sizeBytes: bytes.length,
    extractionMs: 0,
    matterId: null,
    createdAt: 0,
  };
}

function readCategories(): { category: string; description: string }[] {
  const rows = parseCsv(
    readFileSync(sharedFile('contracts-en', 'category_descriptions.csv'), 'utf8').replace(/^\uFEFF/u, ''),
  );
  return rows
    .slice(1)
    .filter((row) => row[0]?.startsWith('Category: '))
    .map((row) => ({
      category: (row[0] as string).slice('Category: '.length).trim(),
      description: (row[1] ?? '').replace(/^Description: /u, '').trim(),
    }));
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A Python list of strings as `repr` writes it: `['a', "b's"]`, with backslash escapes. */
export function parsePythonList(text: string): string[] {
  const items: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const quote = text[i];
    if (quote !== "'" && quote !== '"') continue;
    let item = '';
    for (i++; i < text.length && text[i] !== quote; i++) {
      if (text[i] !== '\\') {
        item += text[i];
        continue;
      }
      const next = text[++i] as string;
      if (next === 'n') item += '\n';
      else if (next === 't') item += '\t';
      else if (next === 'x') {
        item += String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else if (next === 'u') {
        item += String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else item += next;
    }
    items.push(item);
  }
  return items;
}
