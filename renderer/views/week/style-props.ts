import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets an element's inline style properties through the CSSOM, in element position: `<div ${styleProps({ top: '10%' })}>`.
 * Lit's styleMap writes a style attribute on first render, which the app's CSP (style-src 'self') blocks; CSSOM
 * writes are allowed. Keys are CSS property names ('grid-column', '--c').
 */
class StyleProps extends Directive {
  #previous: Record<string, string> = {};

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('styleProps belongs in element position');
  }

  render(_props: Record<string, string>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string>]): unknown {
    const style = (part.element as HTMLElement).style;
    const previous = this.#previous;
    for (const name in previous) if (!(name in props)) style.removeProperty(name);
    // a re-render mostly repeats the values: only changes reach the CSSOM (each write is parsed)
    for (const name in props) {
      const value = props[name]!;
      if (value === previous[name]) continue;
      if (value === '') style.removeProperty(name);
      else style.setProperty(name, value);
    }
    this.#previous = props;
    return noChange;
  }
}

export const styleProps = directive(StyleProps);
