// A box that scrolls on its own (a long table, decoded file text) must be scrollable with the
// keyboard too (WCAG 2.1.1; axe `scrollable-region-focusable`): it becomes a named region in the
// tab order, and the arrow keys then scroll it. Set here rather than as markup so every such box
// gets the same three attributes.
export function scrollRegion(node: HTMLElement, label: string) {
  node.tabIndex = 0;
  node.setAttribute('role', 'region');
  node.setAttribute('aria-label', label);
  return {
    update(next: string) {
      node.setAttribute('aria-label', next);
    },
  };
}
