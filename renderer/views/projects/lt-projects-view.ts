import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
@customElement('lt-projects-view')
export class LtProjectsView extends LitElement {
  override render() { return html`<p>Projects</p>`; }
}
