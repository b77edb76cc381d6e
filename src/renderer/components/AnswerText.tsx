import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** A model's answer as formatted text; raw HTML in it is dropped, never turned into markup. */
export function AnswerText({ text }: { text: string }) {
  return (
    <div className="answer__text">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml>
        {text}
      </Markdown>
    </div>
  );
}
