import MarkdownIt from 'markdown-it';

// Limited Markdown for texts people write (a practice's description): paragraphs, lists, links and
// emphasis, nothing else. Raw HTML is not allowed (it is shown as text), link targets are checked
// by markdown-it (no javascript: or data:), and links leave the site without passing on who sent
// them. The output is safe to put in a page as HTML.
const markdown = new MarkdownIt('zero', { html: false, linkify: false, breaks: false }).enable([
  'list',
  'emphasis',
  'link',
  'newline',
]);

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export const renderLimitedMarkdown = (text: string): string => markdown.render(text);
