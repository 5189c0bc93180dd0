// Focus moves for panels that open and close in place (a form shown by a button, a confirmation
// that replaces the button that asked for it): the keyboard carries on where the eye goes, and a
// removed button does not drop focus to the top of the page.
import { tick } from 'svelte';

/** Svelte action: focus the element once it is in the page (the first field of a panel). */
export function focusOnMount(node: HTMLElement): void {
  node.focus();
}

/** Focus an element once the DOM has caught up (it may only come back after a state change). */
export async function focusAfterUpdate(
  target: () => HTMLElement | null | undefined,
): Promise<void> {
  await tick();
  target()?.focus();
}

/** A keydown handler that runs `close` on Escape (and stops the key there). */
export function onEscape(close: () => void) {
  return (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };
}
