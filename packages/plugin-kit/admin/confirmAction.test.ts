import { describe, expect, it } from 'vitest';
import { confirmAction } from './confirmAction';

const recorder = () => {
  const events: string[] = [];
  return {
    events,
    setBusy: (busy: boolean) => events.push(busy ? 'busy' : 'idle'),
    close: () => events.push('close'),
  };
};

describe('confirmAction', () => {
  it.each([
    ['nothing (a handler that notifies itself)', undefined],
    ['true (a successful admin action)', true],
    ['a value', 'done'],
  ])('closes the dialog after the confirm resolved to %s', async (_name, result) => {
    const dialog = recorder();
    await confirmAction(async () => {
      dialog.events.push('confirm');
      return result;
    }, dialog);
    expect(dialog.events).toEqual(['busy', 'confirm', 'close', 'idle']);
  });

  it('keeps the dialog open when the confirm resolved to false (the action failed)', async () => {
    const dialog = recorder();
    await confirmAction(async () => false, dialog);
    expect(dialog.events).toEqual(['busy', 'idle']);
  });

  it('keeps the dialog open and ends busy when the confirm throws', async () => {
    const dialog = recorder();
    await expect(confirmAction(() => Promise.reject(new Error('offline')), dialog)).rejects.toThrow('offline');
    expect(dialog.events).toEqual(['busy', 'idle']);
  });

  it('takes a confirm that is not async', async () => {
    const dialog = recorder();
    await confirmAction(() => undefined, dialog);
    expect(dialog.events).toEqual(['busy', 'close', 'idle']);
  });
});
