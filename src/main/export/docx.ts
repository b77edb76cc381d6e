import {
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Answer } from '../../shared/answers';
import type { DocumentSummary } from '../../shared/documents';
import {
  answerFacts,
  answerHeading,
  documentLabel,
  type ExportLocale,
  exportLabels,
  type MatterReport,
  matterFacts,
} from './answer-facts';
import { type MdNode, parseAnswerMarkdown } from './markdown-tree';

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
}

function runs(nodes: readonly MdNode[] = [], style: RunStyle = {}): TextRun[] {
  return nodes.flatMap((node): TextRun[] => {
    if (node.type === 'text')
      return [new TextRun({ text: node.value ?? '', bold: style.bold === true, italics: style.italics === true })];
    if (node.type === 'inlineCode') return [new TextRun({ text: node.value ?? '', font: 'Consolas' })];
    if (node.type === 'strong') return runs(node.children, { ...style, bold: true });
    if (node.type === 'emphasis') return runs(node.children, { ...style, italics: true });
    if (node.type === 'break') return [new TextRun({ text: '', break: 1 })];
    return runs(node.children, style);
  });
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Word's heading for a level, 1 to 6; deeper levels stay at 6. */
function heading(level: number) {
  return HEADINGS[Math.min(Math.max(level, 1), HEADINGS.length) - 1] ?? HeadingLevel.HEADING_6;
}

/**
 * Markdown blocks as Word paragraphs and tables: headings, lists, emphasis,
 * tables, quotes and code. The answer's own headings sit under the heading
 * that holds it: with `under` 1, its # becomes level 2, and so on.
 */
function blocks(nodes: readonly MdNode[] = [], under = 1, level = 0): (Paragraph | Table)[] {
  return nodes.flatMap((node): (Paragraph | Table)[] => {
    switch (node.type) {
      case 'heading':
        return [new Paragraph({ heading: heading(under + (node.depth ?? 1)), children: runs(node.children) })];
      case 'paragraph':
        return [new Paragraph({ children: runs(node.children) })];
      case 'list':
        return (node.children ?? []).flatMap((item) =>
          (item.children ?? []).flatMap((child, index) =>
            child.type === 'paragraph' && index === 0
              ? [
                  new Paragraph({
                    children: runs(child.children),
                    ...(node.ordered
                      ? { numbering: { reference: 'answer-numbers', level: Math.min(level, 2) } }
                      : { bullet: { level: Math.min(level, 2) } }),
                  }),
                ]
              : blocks([child], under, level + 1),
          ),
        );
      case 'blockquote':
        return (node.children ?? []).map(
          (child) => new Paragraph({ indent: { left: 720 }, children: runs(child.children, { italics: true }) }),
        );
      case 'code':
        return (node.value ?? '')
          .split('\n')
          .map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
      case 'table':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: (node.children ?? []).map(
              (row, index) =>
                new TableRow({
                  children: (row.children ?? []).map(
                    (cell) =>
                      new TableCell({
                        children: [new Paragraph({ children: runs(cell.children, { bold: index === 0 }) })],
                      }),
                  ),
                }),
            ),
          }),
        ];
      default:
        return node.children ? blocks(node.children, under, level) : [];
    }
  });
}

function factsTable(rows: [string, string][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 1, color: 'BBBBBB' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 28, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })],
            }),
            new TableCell({ children: [new Paragraph(value)] }),
          ],
        }),
    ),
  });
}

/** The question, the facts and the formatted answer, under headings of the given level. */
async function answerSection(
  answer: Answer,
  documents: readonly DocumentSummary[],
  locale: ExportLocale,
  level: number,
): Promise<(Paragraph | Table)[]> {
  const l = exportLabels(locale.language);
  const tree = await parseAnswerMarkdown(answer.text);
  return [
    new Paragraph({ heading: heading(level), children: [new TextRun(l.question)] }),
    new Paragraph(answer.question),
    factsTable(answerFacts(answer, documents, locale)),
    new Paragraph({ heading: heading(level), children: [new TextRun(l.answer)] }),
    ...blocks(tree.children, level),
  ];
}

function wordDocument(title: string, children: (Paragraph | Table)[]): Document {
  return new Document({
    creator: 'LexDesk',
    title: title.slice(0, 200),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    numbering: {
      config: [
        {
          reference: 'answer-numbers',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children }],
  });
}

/** An analysis as a Word document that opens cleanly in Word and LibreOffice, Vietnamese intact. */
export async function answerToDocx(
  answer: Answer,
  documents: readonly DocumentSummary[],
  locale: ExportLocale,
): Promise<Uint8Array> {
  const document = wordDocument(answer.question, [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(exportLabels(locale.language).title)] }),
    ...(await answerSection(answer, documents, locale, 1)),
  ]);
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A matter as one Word document: its facts and documents, then each analysis on a new page, oldest first. */
export async function matterToDocx(report: MatterReport, locale: ExportLocale): Promise<Uint8Array> {
  const l = exportLabels(locale.language);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${l.matter}: ${report.name}`)] }),
    factsTable(matterFacts(report, locale)),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.documents)] }),
    ...report.documents.map((d) => new Paragraph({ text: documentLabel(d, locale.language), bullet: { level: 0 } })),
  ];
  if (report.answers.length === 0) children.push(new Paragraph(l.noAnalyses));
  for (const [index, answer] of report.answers.entries()) {
    const documents = report.documents.filter((d) => answer.documentIds.includes(d.sha256));
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new TextRun(answerHeading(index, answer, locale.language))],
      }),
      ...(await answerSection(answer, documents, locale, 2)),
    );
  }
  return new Uint8Array(await Packer.toBuffer(wordDocument(`${l.matter}: ${report.name}`, children)));
}
