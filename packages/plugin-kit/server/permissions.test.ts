import { describe, expect, it } from 'vitest';
import { pluginPermissions } from './permissions';

describe('pluginPermissions', () => {
  it('derives the action ids and the registered actions from one table', () => {
    const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('demo', {
      read: 'See the demo',
      contacts: { read: 'Read contacts', erase: 'Erase a contact' },
    });
    expect(ACTIONS).toEqual({
      read: 'plugin::demo.read',
      contacts: { read: 'plugin::demo.contacts.read', erase: 'plugin::demo.contacts.erase' },
    });
    const id: 'plugin::demo.contacts.erase' = ACTIONS.contacts.erase;
    expect(id).toBe('plugin::demo.contacts.erase');
    expect(PERMISSION_ACTIONS).toEqual([
      { section: 'plugins', displayName: 'See the demo', uid: 'read', pluginName: 'demo' },
      { section: 'plugins', displayName: 'Read contacts', uid: 'contacts.read', pluginName: 'demo' },
      { section: 'plugins', displayName: 'Erase a contact', uid: 'contacts.erase', pluginName: 'demo' },
    ]);
  });

  it('lists the groups as sub-categories when asked', () => {
    const { PERMISSION_ACTIONS } = pluginPermissions(
      'demo',
      { outbox: { read: 'See the outbox' } },
      { subCategories: true },
    );
    expect(PERMISSION_ACTIONS).toEqual([
      {
        section: 'plugins',
        displayName: 'See the outbox',
        uid: 'outbox.read',
        pluginName: 'demo',
        subCategory: 'outbox',
      },
    ]);
  });
});
