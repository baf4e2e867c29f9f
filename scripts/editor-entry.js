// The code editor of the `python` demo: CodeMirror 6 (npm), bundled by esbuild into one
// ES module, www/vendor/editor/editor.js (see the Makefile). The page loads it only when a
// demo with a `text` parameter is first shown (www/ui/controls.js), so other demos' first
// load does not carry it.
//
//   const editor = createEditor(parent, { doc, label, onChange(text), onRun() })
//   editor.getText()  editor.setText(text)  editor.markError(line | null)  editor.focus()
//   editor.setReadOnly(bool)  editor.contentDOM  editor.destroy()
//
// Keys: Tab / Shift-Tab indent and dedent (Escape then Tab leaves the editor, CodeMirror's
// convention for keyboard users), Ctrl/Cmd-Enter calls onRun, Ctrl/Cmd-Z undoes.
// Colours come from the page's CSS variables (www/style.css), so the editor follows the
// light and dark themes with the rest of the page.
import { EditorState, StateEffect, StateField, Compartment, Prec } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, Decoration,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting, indentOnInput, bracketMatching, indentUnit } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { tags as t } from '@lezer/highlight';
import { StyleModule } from 'style-mod';

// The page's Content-Security-Policy allows no inline style (style-src 'self'). CodeMirror
// mounts its styles with style-mod, which writes a <style> element into a document (the
// policy blocks it) but adopts a constructed stylesheet into a shadow root (allowed: the
// policy does not govern CSSOM). Mount into the document the shadow-root way.
const mount = StyleModule.mount;
const adopting = new WeakMap();
StyleModule.mount = (root, modules, options) => {
  if (!root.head || !root.adoptedStyleSheets) return mount(root, modules, options);
  if (!adopting.has(root)) {
    adopting.set(root, {
      ownerDocument: root,
      get adoptedStyleSheets() { return root.adoptedStyleSheets; },
      set adoptedStyleSheets(sheets) { root.adoptedStyleSheets = sheets; },
    });
  }
  return mount(adopting.get(root), modules, options);
};

// The same token colours as the read-only code panel (Prism, --tok-* in style.css).
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword, t.bool, t.null, t.self], color: 'var(--tok-keyword)' },
  { tag: [t.string, t.special(t.string), t.character], color: 'var(--tok-string)' },
  { tag: [t.comment, t.lineComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [t.number, t.integer, t.float], color: 'var(--tok-number)' },
  { tag: [t.function(t.variableName), t.function(t.definition(t.variableName)), t.function(t.propertyName), t.meta], color: 'var(--tok-function)' },
  { tag: [t.className, t.definition(t.className), t.standard(t.variableName)], color: 'var(--tok-builtin)' },
  { tag: t.invalid, color: 'var(--error-fg)' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--panel)', border: '1px solid var(--line)', borderRadius: '8px', fontSize: '13px' },
  '&.cm-focused': { outline: '3px solid var(--accent)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.45', minHeight: '12rem', maxHeight: '32rem', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '.4rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', borderRight: '1px solid var(--line)', borderRadius: '8px 0 0 8px' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 12%, transparent)', color: 'var(--fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)',
  },
  '.cm-matchingBracket': { backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent)', outline: 'none' },
  '.cm-error-line': { backgroundColor: 'var(--error-bg)', boxShadow: 'inset 3px 0 0 var(--error-fg)' },
  '.cm-error-line-gutter': { color: 'var(--error-fg)', fontWeight: '700' },
});

// The line a Python error names, marked until the text changes.
const setError = StateEffect.define();
const errorLine = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) if (effect.is(setError)) return effect.value;
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function createEditor(parent, { doc = '', label = 'Code', describedBy = null, onChange = () => {}, onRun = () => {} } = {}) {
  const editable = new Compartment();
  const attributes = { 'aria-label': label, 'aria-multiline': 'true' };
  if (describedBy) attributes['aria-describedby'] = describedBy;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        python(),
        syntaxHighlighting(highlight),
        errorLine,
        theme,
        editable.of([]),
        EditorView.contentAttributes.of(attributes),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }])),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        // Typing over a selection that spans lines lets Chromium edit the DOM itself, and it
        // writes a style attribute into the merged line (refused by the CSP, and reported):
        // replace such a selection here instead.
        EditorView.domEventHandlers({
          beforeinput(event, view) {
            if (event.inputType !== 'insertText' || !event.data || view.composing) return false;
            if (view.state.selection.ranges.every((r) => r.empty)) return false;
            event.preventDefault();
            view.dispatch({ ...view.state.replaceSelection(event.data), userEvent: 'input.type', scrollIntoView: true });
            return true;
          },
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    contentDOM: view.contentDOM,
    getText: () => view.state.doc.toString(),
    /** Replaces the whole text (an example, a link): one undoable change. */
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** Marks line `line` (1-based) as the error's, scrolled into view; null clears. */
    markError(line) {
      if (!line || line < 1 || line > view.state.doc.lines) {
        view.dispatch({ effects: setError.of(Decoration.none) });
        return;
      }
      const at = view.state.doc.line(line).from;
      view.dispatch({
        effects: [
          setError.of(Decoration.set([Decoration.line({ class: 'cm-error-line', attributes: { 'data-error-line': String(line) } }).range(at)])),
          EditorView.scrollIntoView(at, { y: 'center' }),
        ],
      });
    },
    setReadOnly(readOnly) {
      view.dispatch({ effects: editable.reconfigure(readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
