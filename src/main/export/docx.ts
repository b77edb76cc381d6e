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
import type { Language } from '../../shared/language';
import { analysisFacts, exportLabels } from './analysis-facts';

// mdast node shapes, as far as this converter reads them.
interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean;
  children?: MdNode[];
}

async function parseMarkdown(text: string): Promise<MdNode> {
  // ESM-only packages, loaded from the CommonJS main bundle.
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ]);
  return unified().use(remarkParse).use(remarkGfm).parse(text) as MdNode;
}

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
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
] as const;

/** The answer's own headings sit under the document's "Answer" heading: # becomes level 2, and so on. */
function headingFor(depth = 1) {
  return HEADINGS[Math.min(Math.max(depth, 1), HEADINGS.length) - 1] ?? HeadingLevel.HEADING_5;
}

/** Markdown blocks as Word paragraphs and tables: headings, lists, emphasis, tables, quotes and code. */
function blocks(nodes: readonly MdNode[] = [], level = 0): (Paragraph | Table)[] {
  return nodes.flatMap((node): (Paragraph | Table)[] => {
    switch (node.type) {
      case 'heading':
        return [new Paragraph({ heading: headingFor(node.depth), children: runs(node.children) })];
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
              : blocks([child], level + 1),
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
        return node.children ? blocks(node.children, level) : [];
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

/** An analysis as a Word document that opens cleanly in Word and LibreOffice, Vietnamese intact. */
export async function analysisToDocx(
  answer: Answer,
  documents: readonly DocumentSummary[],
  language: Language,
): Promise<Uint8Array> {
  const l = exportLabels(language);
  const tree = await parseMarkdown(answer.text);
  const document = new Document({
    creator: 'LexDesk',
    title: answer.question.slice(0, 200),
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
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(l.title)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.question)] }),
          new Paragraph(answer.question),
          factsTable(analysisFacts(answer, documents, language)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.answer)] }),
          ...blocks(tree.children),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
