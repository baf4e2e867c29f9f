#!/usr/bin/env node
// Writes embed.html from index.html: the same page without its header and navigation,
// with a link to the full playground. Generated, so the two pages never drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = readFileSync(path.join(root, 'index.html'), 'utf8');
const cut = (html, from, to) => {
  const start = html.indexOf(from);
  const end = html.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`make-embed: index.html has no ${from}...${to}`);
  return html.slice(0, start) + html.slice(end + to.length);
};
let embed = cut(index, '<header class="top">', '</header>');
embed = cut(embed, '<nav class="lessons"', '</nav>');
// The sharing dialogs belong to the full page.
embed = cut(embed, '<dialog id="embed-dialog"', '</dialog>');
embed = cut(embed, '<dialog id="exercise-dialog"', '</dialog>');
embed = embed
  .replace('<title>Concurrency Playground</title>', '<title>Concurrency Playground (embedded)</title>')
  .replace('<body>', '<body class="embed">')
  .replace('<h1 id="demo-title">', '<h1 id="demo-title" class="embed-title">')
  .replace('</main>', '</main>\n  <p class="embed-footer"><a id="open-full" href="index.html" target="_blank" rel="noopener">Open in the full Concurrency Playground</a></p>');
embed = embed.replace('<!doctype html>', '<!doctype html>\n<!-- Generated from index.html by scripts/make-embed.mjs: edit index.html instead. -->');
writeFileSync(path.join(root, 'embed.html'), embed);
