import { describe, expect, it } from 'vitest';
import { history, type Command } from './undo.svelte';

function counter() {
  const state = { value: 0 };
  const step = (by: number) => async (): Promise<Command> => {
    state.value += by;
    return {
      label: `+${by}`,
      undo: async () => {
        state.value -= by;
      },
      redo: async () => {
        state.value += by;
      },
    };
  };
  return { state, step };
}

describe('undo history', () => {
  it('undoes and redoes in order; a new change drops what was undone', async () => {
    history.useWorkspace(1);
    const { state, step } = counter();
    await history.perform(step(1));
    await history.perform(step(10));
    expect(state.value).toBe(11);
    await history.undo();
    expect(state.value).toBe(1);
    expect(history.undone.map((c) => c.label)).toEqual(['+10']);
    await history.redo();
    expect(state.value).toBe(11);
    await history.undo();
    await history.perform(step(100));
    expect(state.value).toBe(101);
    expect(history.canRedo).toBe(false);
    expect(history.done.map((c) => c.label)).toEqual(['+1', '+100']);
  });

  it('does not record a change that failed, and reports its error', async () => {
    history.useWorkspace(2);
    const result = await history.perform(async () => {
      throw new Error('disk full');
    });
    expect(result).toEqual({ ok: false, error: 'disk full' });
    expect(history.done).toEqual([]);
    expect(history.error).toBe('disk full');
  });

  it('runs commands one after another even when started together', async () => {
    history.useWorkspace(3);
    const order: string[] = [];
    const slow = (name: string, ms: number) => async (): Promise<Command> => {
      await new Promise((r) => setTimeout(r, ms));
      order.push(name);
      return { label: name, undo: async () => {}, redo: async () => {} };
    };
    await Promise.all([history.perform(slow('a', 20)), history.perform(slow('b', 1))]);
    expect(order).toEqual(['a', 'b']);
  });

  it('starts empty in another workspace', async () => {
    history.useWorkspace(4);
    const { step } = counter();
    await history.perform(step(1));
    history.useWorkspace(5);
    expect(history.canUndo).toBe(false);
  });
});
