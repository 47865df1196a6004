/**
 * Reading a vendor's spec text (YAML or JSON) the way a forgiving reader would. Published specs
 * are often written by hand and never run through a strict parser: a flow mapping whose closing
 * `}` sits left of its key, a duplicated key. The `yaml` package rejects those, and after its
 * first error it drops the rest of the enclosing mapping, which would turn every later operation
 * into false drift. So this module repairs what it safely can (re-indenting the lines of a flow
 * collection, which changes no value; as a last resort, skipping the one line an error is on),
 * keeps a repair only when the parser then reports fewer errors, reads the rest as far as the
 * parser gets, and reports each problem as a warning with its line and column instead of failing.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface TextWarning {
  kind: 'yaml-repaired' | 'yaml-syntax' | 'duplicate-key';
  message: string;
  line: number;
  column: number;
}

export interface ParsedSpecText {
  data: unknown;
  /** Line and column (1-based) of the node at a path of keys and indexes, when the parser kept one. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
  warnings: TextWarning[];
}

/** Flow collections re-indented at most this often per file (each repair re-parses the file). */
const maxRepairs = 50;

function parseYaml(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  // uniqueKeys stays on so duplicates are reported; the document is still built (the last value wins).
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

/** The offset of the `{` or `[` that opens the flow collection containing `offset` (quotes are skipped). */
function flowOpener(text: string, offset: number): number | undefined {
  let depth = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const start = text.lastIndexOf(c, i - 1);
      if (start >= 0 && text.lastIndexOf('\n', i) < start) i = start;
      continue;
    }
    if (c === '}' || c === ']') depth++;
    else if (c === '{' || c === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, start: number): number {
  let n = 0;
  while (text[start + n] === ' ') n++;
  return n;
}

/**
 * One repair of a `BAD_INDENT` flow collection: the offending line moves right to two spaces past
 * the line that opened the collection. Returns the new text, or undefined when the error is not
 * one this repair understands (then the error is reported as it is).
 */
function reindentFlowLine(text: string, offset: number): string | undefined {
  const opener = flowOpener(text, offset);
  if (opener === undefined) return undefined;
  const wanted = indentAt(text, lineStart(text, opener)) + 2;
  const start = lineStart(text, offset);
  if (start <= opener) return undefined;
  const current = indentAt(text, start);
  if (current >= wanted) return undefined;
  return text.slice(0, start) + ' '.repeat(wanted) + text.slice(start + current);
}

/** Errors that lose content (a duplicate key loses nothing the warning does not say), in text order. */
function structuralErrors(doc: Document): Document['errors'] {
  return doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0]);
}

function errorText(error: Document['errors'][number]): string {
  return error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
}

/**
 * The last resort for an error no other repair understands (a stray `}`, an unclosed `{`): the
 * line it is on becomes a comment, keeping every other line where it was. Undefined for a blank line.
 */
function skipLine(text: string, offset: number): string | undefined {
  const start = lineStart(text, offset);
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? undefined : end);
  if (!line.trim() || line.trimStart().startsWith('#')) return undefined;
  return `${text.slice(0, start)}#${line}${end < 0 ? '' : text.slice(end)}`;
}

function isJsonText(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/**
 * Parses a spec file's text. JSON goes through `JSON.parse` (exact and fast; the YAML parser is
 * used only to find lines for warnings); YAML through the repair loop described above.
 */
export function parseSpecText(input: string): ParsedSpecText {
  const text = input.replace(/^\uFEFF/, '');
  if (isJsonText(text)) {
    try {
      const data = JSON.parse(text) as unknown;
      let located: { doc: Document; lines: LineCounter } | undefined;
      return { data, warnings: [], locate: (path) => locateIn((located ??= parseYaml(text)), path) };
    } catch {
      // Not strict JSON (a trailing comma, a comment): JSON is YAML, so the YAML path reads it.
    }
  }

  const warnings: TextWarning[] = [];
  let current = text;
  let parsed = parseYaml(current);
  // Each repair is kept only when the parser then reports fewer errors, so a wrong guess changes nothing.
  for (let repairs = 0; repairs < maxRepairs; repairs++) {
    const errors = structuralErrors(parsed.doc);
    const first = errors[0];
    if (!first) break;
    const at = parsed.lines.linePos(first.pos[0]);
    const badFlow = first.code === 'BAD_INDENT' && /^Flow (map|sequence)/.test(first.message);
    const repaired = badFlow ? reindentFlowLine(current, first.pos[0]) : skipLine(current, first.pos[0]);
    if (repaired === undefined) break;
    const next = parseYaml(repaired);
    if (structuralErrors(next.doc).length >= errors.length) break;
    const what = first.message.startsWith('Flow map') ? 'flow mapping `{ }`' : 'flow sequence `[ ]`';
    warnings.push(
      badFlow
        ? { kind: 'yaml-repaired', message: `${what} is less indented than the key it belongs to (strict YAML parsers reject it); read as if indented under its key`, line: at.line, column: at.col }
        : { kind: 'yaml-syntax', message: `YAML syntax error: ${errorText(first)}; this line is skipped, the rest is read`, line: at.line, column: at.col },
    );
    current = repaired;
    parsed = next;
  }

  // After a syntax error the parser reports every following token too; the first says what is wrong.
  let cascade: { warning: TextWarning; count: number } | undefined;
  for (const error of parsed.doc.errors) {
    const at = parsed.lines.linePos(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      warnings.push({ kind: 'duplicate-key', message: 'duplicate key in a mapping; the last value is used', line: at.line, column: at.col });
    } else if (error.code === 'UNEXPECTED_TOKEN' && cascade) {
      cascade.count++;
    } else {
      const warning: TextWarning = { kind: 'yaml-syntax', message: `YAML syntax error: ${errorText(error)}; the text around it is read as far as the parser could`, line: at.line, column: at.col };
      warnings.push(warning);
      if (cascade && cascade.count > 0) cascade.warning.message += ` (${cascade.count} more syntax errors follow from it)`;
      cascade = { warning, count: 0 };
    }
  }
  if (cascade && cascade.count > 0) cascade.warning.message += ` (${cascade.count} more syntax errors follow from it)`;
  const data = parsed.doc.toJS({ maxAliasCount: 10_000 }) as unknown;
  return { data, warnings, locate: (path) => locateIn(parsed, path) };
}

function locateIn(parsed: { doc: Document; lines: LineCounter }, path: readonly (string | number)[]): { line: number; column: number } | undefined {
  // Walk up until a node the parser kept: a value cut off by a syntax error still has a parent.
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? parsed.doc.contents : parsed.doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) {
      const at = parsed.lines.linePos(range[0]);
      return { line: at.line, column: at.col };
    }
  }
  return undefined;
}
