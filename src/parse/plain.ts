import type {Point, Position} from 'unist'

/*
 * Points and positions are made by constructor calls, not object literals,
 * on purpose. V8 tracks the survival of objects made by each literal in the
 * code ("allocation sites") and, when nearly all of a site's objects are
 * alive at a young-generation collection, allocates that site's objects in
 * the old generation from then on ("pretenuring"). A document's positions
 * are all alive while the rules read the tree, so their literal sites were
 * pretenured; every later document's positions then went straight to the
 * old generation and died there, which cost full collections and peak
 * memory. Constructor calls have no allocation site. The prototype is
 * `Object.prototype`, so the objects are plain objects to every consumer
 * (`assert.deepStrictEqual`, `structuredClone`, JSON).
 *
 * Array literals (`[]`, `[x]`) and `new Array()` have allocation sites too;
 * lists that live as long as a document's tree are made with `Array.of()`,
 * which has none.
 */

/** A constructor function, as TypeScript sees `function` values used with `new`. */
type Constructor<Arguments extends unknown[], Made> = new (...parameters: Arguments) => Made

const PlainPoint = function (this: Point, line: number, column: number, offset: number) {
  this.line = line
  this.column = column
  this.offset = offset
} as unknown as Constructor<[number, number, number], Point>
PlainPoint.prototype = Object.prototype

const PlainPosition = function (this: Position, start: Point, end: Point) {
  this.start = start
  this.end = end
} as unknown as Constructor<[Point, Point], Position>
PlainPosition.prototype = Object.prototype

const PlainParent = function (this: {type: string; children: unknown[]}, type: string, children: unknown[]) {
  this.type = type
  this.children = children
} as unknown as Constructor<[string, unknown[]], {type: string; children: unknown[]}>
PlainParent.prototype = Object.prototype

const PlainLiteral = function (this: {type: string; value: string}, type: string, value: string) {
  this.type = type
  this.value = value
} as unknown as Constructor<[string, string], {type: string; value: string}>
PlainLiteral.prototype = Object.prototype

/** A plain `{line, column, offset}` point. */
export function point(line: number, column: number, offset: number): Point {
  return new PlainPoint(line, column, offset)
}

/** A plain `{start, end}` position. */
export function position(start: Point, end: Point): Position {
  return new PlainPosition(start, end)
}

/** A plain `{type, children}` node (a paragraph or sentence the parser keeps). */
export function parentNode<Node extends {type: string; children: unknown[]}>(type: Node['type'], children: Node['children']): Node {
  return new PlainParent(type, children) as Node
}

/** A plain `{type, value}` node. */
export function literalNode<Node extends {type: string; value: string}>(type: Node['type'], value: string): Node {
  return new PlainLiteral(type, value) as Node
}
