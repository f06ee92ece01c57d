import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS custom properties on an element through the CSSOM: `style=${cssVars({ '--used': '40%' })}`. The CSP
 * (style-src 'self') refuses inline style attributes, and Lit's styleMap writes one on first render.
 */
class CssVarsDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style')
      throw new Error('cssVars belongs in a style binding');
  }

  render(_vars: Record<string, string | null>): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [vars]: [Record<string, string | null>]): typeof noChange {
    const style = part.element.style;
    for (const name of this.#previous) if (!(name in vars)) style.removeProperty(name);
    for (const [name, value] of Object.entries(vars)) {
      if (value === null) style.removeProperty(name);
      else style.setProperty(name, value);
    }
    this.#previous = new Set(Object.keys(vars));
    return noChange;
  }
}

export const cssVars = directive(CssVarsDirective);
