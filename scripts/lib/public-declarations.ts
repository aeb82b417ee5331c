// The package's public declaration surface: of the emitted .d.ts tree, only what the entry files reach is
// kept (statements, import specifiers, files); the rest, internal factories and plumbing, is dropped.
// It must never edit the text of a kept statement (JSDoc included) nor drop a statement it does not know.
import { readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { join, posix, sep } from "node:path";
import ts from "typescript";

/** A name a file imports: the import it comes from, and what it is in the other file. */
interface Binding {
  statement: ts.ImportDeclaration;
  /** The ImportSpecifier, ImportClause (default import) or NamespaceImport that binds the name. */
  node: ts.Node;
  /** The declaration file imported, when it is one of the tree. */
  from: string | undefined;
  /** The other file's export: a name, "default", or "*" for a namespace import. */
  name: string;
}

interface FileInfo {
  sf: ts.SourceFile;
  /** Top-level declarations by name (exported or not; several when declarations merge). */
  locals: Map<string, ts.Statement[]>;
  imports: Map<string, Binding>;
}

const DECLARATION = /\.d\.[mc]?ts$/;

/**
 * Keeps the statements the entry files reach. `files` maps paths relative to the tree's root ("src/index.d.ts",
 * "/" separators) to their text; `files` of the result holds the kept files with their new text (the same
 * text when nothing was dropped): a file missing from it is unreachable.
 */
export function publicDeclarations(
  files: ReadonlyMap<string, string>,
  entries: readonly string[],
): { files: Map<string, string>; droppedStatements: number } {
  const info = new Map<string, FileInfo>();
  for (const [path, text] of files) info.set(path, describe(path, text, files));
  for (const entry of entries) if (!info.has(entry)) throw new Error(`no declaration file ${entry}`);

  const entrySet = new Set(entries);
  const kept = new Map<string, Set<ts.Statement>>();
  const usedBindings = new Set<ts.Node>();
  const queue: [string, ts.Statement][] = [];
  const done = new Set<string>();
  const once = (key: string) => !done.has(key) && !!done.add(key);

  const keepFile = (path: string | undefined) => {
    if (path && !kept.has(path)) kept.set(path, new Set());
  };
  const keep = (path: string, statement: ts.Statement) => {
    keepFile(path);
    const set = kept.get(path)!;
    if (set.has(statement)) return;
    set.add(statement);
    const specifier = moduleSpecifier(statement);
    if (specifier) keepFile(target(path, specifier, files));
    queue.push([path, statement]);
  };

  /** A name used in `path`: its declarations there, or the import that binds it (and what that imports). */
  const useLocal = (path: string, name: string) => {
    if (!once(`local ${path} ${name}`)) return;
    const file = info.get(path)!;
    for (const statement of file.locals.get(name) ?? []) keep(path, statement);
    const binding = file.imports.get(name);
    if (!binding) return;
    usedBindings.add(binding.node);
    keep(path, binding.statement);
    if (binding.name === "*") useAllExports(binding.from);
    else useExport(binding.from, binding.name);
  };

  /** The statements of `path` that export `name` (a kept `export *` brings all of its module). */
  const useExport = (path: string | undefined, name: string) => {
    if (!path || !once(`export ${path} ${name}`)) return;
    const file = info.get(path)!;
    for (const statement of file.locals.get(name) ?? []) if (isExported(statement)) keep(path, statement);
    for (const statement of file.sf.statements) {
      if (!ts.isExportDeclaration(statement)) continue;
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        for (const e of clause.elements) if (e.name.text === name) useSpecifier(path, statement, e);
      } else if (clause ? clause.name.text === name : name !== "default") {
        keep(path, statement);
      }
    }
  };

  const useAllExports = (path: string | undefined) => {
    if (!path || !once(`all ${path}`)) return;
    for (const statement of info.get(path)!.sf.statements) {
      const clause = ts.isExportDeclaration(statement) ? statement.exportClause : undefined;
      if (clause && ts.isNamedExports(clause)) {
        for (const e of clause.elements) useSpecifier(path, clause.parent, e);
      } else if (isExported(statement) || ts.isExportDeclaration(statement)) keep(path, statement);
    }
  };

  /** One name of `export { a, b } from "./x.js"` (or of a local `export { a }`): only used names are kept. */
  const useSpecifier = (path: string, statement: ts.ExportDeclaration, e: ts.ExportSpecifier) => {
    if (usedBindings.has(e)) return;
    usedBindings.add(e);
    keep(path, statement);
    const name = (e.propertyName ?? e.name).text;
    if (statement.moduleSpecifier) useExport(target(path, statement.moduleSpecifier, files), name);
    else useLocal(path, name);
  };

  /** What a kept statement refers to is kept too, so the kept declarations stay closed under references. */
  const follow = (path: string, statement: ts.Statement) => {
    if (ts.isImportDeclaration(statement)) return; // its bindings are kept one by one, when used
    if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && target(path, statement.moduleSpecifier, files);
      const clause = statement.exportClause;
      if (!clause || ts.isNamespaceExport(clause)) return useAllExports(from);
      // An entry exports every name it lists; elsewhere each name is kept when something uses it.
      if (entrySet.has(path)) for (const e of clause.elements) useSpecifier(path, statement, e);
      return;
    }
    // Any identifier in a reference position may name a top-level declaration or import: more is kept
    // than needed, never less. Member, parameter and property names are not references (`stream` the
    // client property does not keep `stream` the internal function).
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && isReference(node)) useLocal(path, node.text);
      const specifier = moduleReference(node);
      if (specifier) {
        // import("./x.js").Name needs Name; import("./x.js"), require or `declare module` all of x.
        const from = target(path, specifier, files);
        keepFile(from);
        const qualifier = ts.isImportTypeNode(node) ? node.qualifier : undefined;
        if (qualifier) useExport(from, leftmost(qualifier));
        else useAllExports(from);
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
  };

  for (const entry of entries) for (const statement of info.get(entry)!.sf.statements) keep(entry, statement);
  for (const [path, file] of info) {
    for (const statement of file.sf.statements) if (!understood(statement)) keep(path, statement);
  }
  for (let i = 0; i < queue.length; i++) follow(...queue[i]!);

  const out = new Map<string, string>();
  let written = 0;
  for (const [path, statements] of kept) {
    const rendered = render(info.get(path)!.sf, statements, usedBindings);
    out.set(path, rendered.text);
    written += rendered.statements;
  }
  let total = 0;
  for (const file of info.values()) total += file.sf.statements.length;
  return { files: out, droppedStatements: total - written };
}

/**
 * Rewrites the declaration tree under `dir` in place: kept files get their new text, unreachable ones are
 * deleted (with their .map). `entries` are paths relative to `dir`.
 */
export function keepPublicDeclarations(
  dir: string,
  entries: readonly string[],
): { kept: number; removed: string[]; droppedStatements: number } {
  const files = new Map<string, string>();
  for (const path of declarationFiles(dir)) files.set(path, readFileSync(join(dir, path), "utf8"));
  const result = publicDeclarations(files, entries);
  const removed: string[] = [];
  for (const [path, text] of files) {
    const next = result.files.get(path);
    if (next === undefined) {
      rmSync(join(dir, path));
      rmSync(join(dir, `${path}.map`), { force: true });
      removed.push(path);
    } else if (next !== text) {
      writeFileSync(join(dir, path), next);
    }
  }
  removeEmptyFolders(dir);
  return { kept: result.files.size, removed, droppedStatements: result.droppedStatements };
}

function describe(path: string, text: string, files: ReadonlyMap<string, string>): FileInfo {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const locals = new Map<string, ts.Statement[]>();
  const imports = new Map<string, Binding>();
  for (const statement of sf.statements) {
    for (const name of declaredNames(statement)) locals.set(name, [...(locals.get(name) ?? []), statement]);
    if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
    const from = target(path, statement.moduleSpecifier, files);
    const clause = statement.importClause;
    const bind = (local: ts.Identifier, node: ts.Node, name: string) =>
      imports.set(local.text, { statement, node, from, name });
    if (clause.name) bind(clause.name, clause, "default");
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) bind(bindings.name, bindings, "*");
    if (bindings && ts.isNamedImports(bindings)) {
      for (const e of bindings.elements) bind(e.name, e, (e.propertyName ?? e.name).text);
    }
  }
  return { sf, locals, imports };
}

/** The statement kinds whose references this module follows; any other statement is always kept. */
function understood(statement: ts.Statement): boolean {
  if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) return false;
  if (ts.isImportDeclaration(statement)) return !!statement.importClause; // `import "x"` has effects
  // A namespace; not `declare module "x"` nor `declare global`, which augment other declarations.
  if (ts.isModuleDeclaration(statement)) {
    return ts.isIdentifier(statement.name) && !(statement.flags & ts.NodeFlags.GlobalAugmentation);
  }
  return (
    ts.isExportDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isVariableStatement(statement)
  );
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  }
  const name = (statement as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === kind);
const isExported = (statement: ts.Statement) => hasModifier(statement, ts.SyntaxKind.ExportKeyword);

function moduleSpecifier(statement: ts.Statement): ts.Expression | undefined {
  return ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
    ? statement.moduleSpecifier
    : undefined;
}

/** The module named inside a statement: `import("x")` types, `require("x")`, `declare module "x"`. */
function moduleReference(node: ts.Node): ts.Expression | undefined {
  const named = ts.isImportTypeNode(node)
    ? ts.isLiteralTypeNode(node.argument) && node.argument.literal
    : ts.isExternalModuleReference(node)
      ? node.expression
      : ts.isModuleDeclaration(node) && node.name;
  return named && ts.isStringLiteral(named) ? named : undefined;
}

function leftmost(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : leftmost(name.left);
}

/** The tree's declaration file a relative module specifier names ("./x.js" → "x.d.ts"), if any. */
function target(from: string, specifier: ts.Expression, files: ReadonlyMap<string, string>) {
  if (!ts.isStringLiteral(specifier) || !/^\.\.?(\/|$)/.test(specifier.text)) return undefined;
  const base = posix.join(posix.dirname(from), specifier.text);
  const candidates = [
    base.replace(/\.js$/, ".d.ts"),
    base.replace(/\.mjs$/, ".d.mts"),
    base.replace(/\.cjs$/, ".d.cts"),
    `${base}.d.ts`,
    `${base}/index.d.ts`,
  ];
  return candidates.find((c) => DECLARATION.test(c) && files.has(c));
}

/**
 * The file with only the kept statements, each with its own leading comments as written; an import keeps
 * the bindings that are used (with their `type` modifiers), the triple-slash directives stay on top.
 */
function render(sf: ts.SourceFile, kept: ReadonlySet<ts.Statement>, used: ReadonlySet<ts.Node>) {
  const text = sf.text;
  const directives = [...sf.referencedFiles, ...sf.typeReferenceDirectives, ...sf.libReferenceDirectives];
  const headerEnd = Math.max(0, ...directives.map((d) => text.indexOf("\n", d.end) + 1 || text.length));
  let out = text.slice(0, headerEnd);
  let isModule = false;
  let statements = 0;
  for (const statement of sf.statements) {
    const empty = ts.isExportDeclaration(statement) && isEmptyExport(statement); // `export {}` marks a module
    if (!kept.has(statement) && !empty) continue;
    const start = Math.max(statement.getFullStart(), headerEnd);
    const written = ts.isImportDeclaration(statement)
      ? renderImport(sf, statement, used)
      : ts.isExportDeclaration(statement) && !empty
        ? renderReExport(sf, statement, used)
        : undefined;
    if (written === null) continue;
    out +=
      written === undefined
        ? text.slice(start, statement.end)
        : text.slice(start, statement.getStart(sf)) + written;
    statements++;
    isModule ||= marksModule(statement);
  }
  if (out.length > headerEnd && out[headerEnd] === "\n")
    out = out.slice(0, headerEnd) + out.slice(headerEnd + 1);
  const last = sf.statements[sf.statements.length - 1];
  out += last ? text.slice(last.end) : text.slice(headerEnd);
  // A module must stay a module: without any import or export its declarations would become global.
  if (ts.isExternalModule(sf) && !isModule)
    out += `${out === "" || out.endsWith("\n") ? "" : "\n"}export {};\n`;
  return { text: out, statements };
}

/** Whether the statement makes its file a module (as TypeScript decides it). */
const marksModule = (statement: ts.Statement) =>
  ts.isImportDeclaration(statement) ||
  ts.isExportDeclaration(statement) ||
  ts.isExportAssignment(statement) ||
  (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) ||
  isExported(statement);

const isEmptyExport = (statement: ts.ExportDeclaration) =>
  !statement.moduleSpecifier &&
  !!statement.exportClause &&
  ts.isNamedExports(statement.exportClause) &&
  statement.exportClause.elements.length === 0;

/**
 * The import with only its used bindings: undefined when all are used (its text stays as written), null
 * when none is.
 */
function renderImport(sf: ts.SourceFile, statement: ts.ImportDeclaration, used: ReadonlySet<ts.Node>) {
  const clause = statement.importClause;
  if (!clause) return undefined;
  const bindings = clause.namedBindings;
  const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.filter((e) => used.has(e)) : [];
  const all =
    (!clause.name || used.has(clause)) &&
    (!bindings ||
      (ts.isNamespaceImport(bindings)
        ? used.has(bindings)
        : named.length === bindings.elements.length && named.length > 0));
  if (all) return undefined;
  const parts = [
    clause.name && used.has(clause) ? clause.name.text : undefined,
    bindings && ts.isNamespaceImport(bindings) && used.has(bindings) ? bindings.getText(sf) : undefined,
    named.length ? `{ ${named.map((e) => e.getText(sf)).join(", ")} }` : undefined,
  ].filter((p) => p !== undefined);
  if (!parts.length) return null;
  const attributes = statement.attributes ? ` ${statement.attributes.getText(sf)}` : "";
  const typeOnly = clause.isTypeOnly ? "type " : "";
  return `import ${typeOnly}${parts.join(", ")} from ${statement.moduleSpecifier.getText(sf)}${attributes};`;
}

/** `export { a, b } from "./x.js"` with the used names only; undefined when all are used. */
function renderReExport(sf: ts.SourceFile, statement: ts.ExportDeclaration, used: ReadonlySet<ts.Node>) {
  const clause = statement.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return undefined;
  const named = clause.elements.filter((e) => used.has(e));
  if (named.length === clause.elements.length) return undefined;
  if (!named.length) return null;
  const from = statement.moduleSpecifier ? ` from ${statement.moduleSpecifier.getText(sf)}` : "";
  const attributes = statement.attributes ? ` ${statement.attributes.getText(sf)}` : "";
  const typeOnly = statement.isTypeOnly ? "type " : "";
  return `export ${typeOnly}{ ${named.map((e) => e.getText(sf)).join(", ")} }${from}${attributes};`;
}

/** Declaration files under `dir`, relative, with "/" separators. */
function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => DECLARATION.test(p))
    .map((p) => p.split(sep).join("/"))
    .sort();
}

/** Removes the folders under `dir` that hold nothing any more; true when `dir` itself is empty. */
function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const folder = join(dir, e.name);
    if (e.isDirectory() && removeEmptyFolders(folder)) rmdirSync(folder);
    else empty = false;
  }
  return empty;
}

/** False for identifiers that only name a member, parameter or property, or sit right of a dot. */
function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isQualifiedName(parent)) return parent.right !== id;
  if (ts.isPropertyAccessExpression(parent)) return parent.name !== id;
  const named =
    ts.isPropertySignature(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isTypeParameterDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isNamedTupleMember(parent);
  return !(named && (parent as { name?: ts.Node }).name === id);
}
