import * as Comlink from 'comlink';

type Wire = { isError: boolean; value: Record<string, unknown> };

/**
 * Comlink sends only a thrown Error's name, message and stack to the page, and the page copies
 * every field it receives onto a new Error. Adding a `BiError`'s `zh` here is all it takes for the
 * page to show a worker failure in Chinese. Call once, in the worker.
 */
export function sendChineseWithErrors(): void {
  const base = Comlink.transferHandlers.get('throw');
  if (!base) return;
  Comlink.transferHandlers.set('throw', {
    canHandle: base.canHandle,
    serialize(thrown) {
      const [wire, transfer] = base.serialize(thrown) as [Wire, Transferable[]];
      const value = (thrown as { value?: unknown }).value;
      const zh = value instanceof Error ? (value as { zh?: unknown }).zh : undefined;
      if (wire.isError && typeof zh === 'string') wire.value = { ...wire.value, zh };
      return [wire, transfer];
    },
    deserialize: base.deserialize,
  });
}
