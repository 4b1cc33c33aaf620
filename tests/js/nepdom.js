// A very small DOM for unit tests of code that builds elements (dom.js's h and s): elements with
// attributes, children and text; no layout. install() puts document and Node on globalThis and
// returns a function that removes them again.
export class NepNode {}

export class NepElement extends NepNode {
  constructor(tag, ns = null) {
    super();
    this.tagName = tag;
    this.namespaceURI = ns;
    this.attrs = new Map();
    this.childNodes = [];
    this.listeners = {};
  }
  setAttribute(k, v) { this.attrs.set(k, String(v)); }
  getAttribute(k) { return this.attrs.has(k) ? this.attrs.get(k) : null; }
  hasAttribute(k) { return this.attrs.has(k); }
  removeAttribute(k) { this.attrs.delete(k); }
  addEventListener(e, f) { this.listeners[e] = f; }
  append(...kids) { for (const k of kids) this.childNodes.push(k instanceof NepNode ? k : new NepText(String(k))); }
  get children() { return this.childNodes.filter((k) => k instanceof NepElement); }
  get textContent() { return this.childNodes.map((k) => k.textContent).join(""); }
  set textContent(t) { this.childNodes = [new NepText(String(t))]; }
  // every element below this one (depth first) with this tag
  alle(tag) {
    const uit = [];
    for (const k of this.children) {
      if (k.tagName === tag) uit.push(k);
      uit.push(...k.alle(tag));
    }
    return uit;
  }
  attr(k) { return this.getAttribute(k); }
}

export class NepText extends NepNode {
  constructor(t) { super(); this.textContent = t; }
}

export function install() {
  const oud = { document: globalThis.document, Node: globalThis.Node, requestAnimationFrame: globalThis.requestAnimationFrame };
  const frames = [];
  globalThis.Node = NepNode;
  globalThis.document = {
    createElement: (tag) => new NepElement(tag),
    createElementNS: (ns, tag) => new NepElement(tag, ns),
    createTextNode: (t) => new NepText(t),
  };
  globalThis.requestAnimationFrame = (f) => { frames.push(f); return frames.length; };
  const weg = () => { for (const [k, v] of Object.entries(oud)) { if (v === undefined) delete globalThis[k]; else globalThis[k] = v; } };
  weg.frames = frames;
  return weg;
}
