import { describe, expect, it } from 'vitest';
import erasure, { ERASED_LEAD_VALUES, ERASED_PARTNER_VALUES } from './erasure';

const CONTACT = 'c0ntactdocumentid0000001';

/** A strapi with our links table, and an Odoo client that records calls and answers searches. */
function setup(
  mode: 'anonymise' | 'unlink',
  links: Array<{ model: string; odooId: number }>,
  odoo: { markedLeads: number[]; ourPartners: number[] },
) {
  const calls: Array<[string, string, unknown[]]> = [];
  const deleted: unknown[] = [];
  const client = {
    assertConfigured() {},
    isConfigured: () => true,
    async search(model: string, domain: unknown[]) {
      calls.push([model, 'search', [domain]]);
      return model === 'crm.lead' ? odoo.markedLeads : odoo.ourPartners;
    },
    async write(model: string, ids: number[], values: unknown) {
      calls.push([model, 'write', [ids, values]]);
      return true;
    },
    async unlink(model: string, ids: number[]) {
      calls.push([model, 'unlink', [ids]]);
      return true;
    },
  };
  const strapi: any = {
    config: { get: () => ({ eraseMode: mode, maxAttempts: 3 }) },
    plugin: () => ({ service: () => client }),
    db: { query: () => ({ findMany: async () => links, deleteMany: async (query: unknown) => deleted.push(query) }) },
  };
  return { service: erasure({ strapi }), calls, deleted };
}

describe('odoo-sync erase delivery', () => {
  it.each([
    ['anonymise', 'write', [ERASED_LEAD_VALUES], [ERASED_PARTNER_VALUES]],
    ['unlink', 'unlink', [], []],
  ] as const)(
    '%s: every lead of the contact and the partner we created, found by link, payload or marker',
    async (mode, method, leadArgs, partnerArgs) => {
      const { service, calls } = setup(
        mode,
        [
          { model: 'crm.lead', odooId: 11 },
          { model: 'res.partner', odooId: 7 },
        ],
        { markedLeads: [13, 11], ourPartners: [7] },
      );
      const result = await service.handle({ payload: { contact: CONTACT, leads: [12, 11], partners: [7] } });
      expect(result).toEqual({ mode, leads: 3, partners: 1 });
      const changes = calls.filter(([, name]) => name === method);
      expect(changes).toEqual([
        ['crm.lead', method, [[12, 11, 13], ...leadArgs]],
        ['res.partner', method, [[7], ...partnerArgs]],
      ]);
    },
  );

  it('never changes a partner Magnetiq did not create: only our link to it goes', async () => {
    const { service, calls, deleted } = setup('anonymise', [{ model: 'res.partner', odooId: 9 }], {
      markedLeads: [],
      ourPartners: [],
    });
    const result = await service.handle({ payload: { contact: CONTACT, leads: [], partners: [9] } });
    expect(result).toEqual({ mode: 'anonymise', leads: 0, partners: 0 });
    expect(calls.filter(([, name]) => name !== 'search')).toEqual([]);
    expect(deleted).toEqual([{ where: { contactDocumentId: CONTACT, model: 'res.partner', odooId: { $in: [9] } } }]);
  });

  it('searches partners by our reference and leads by our marker, archived ones included', async () => {
    const { service, calls } = setup('anonymise', [], { markedLeads: [], ourPartners: [] });
    await service.handle({ payload: { contact: CONTACT, leads: [], partners: [] } });
    const searches = calls.filter(([, name]) => name === 'search').map(([model, , args]) => [model, args[0]]);
    expect(searches).toEqual([
      [
        'crm.lead',
        [['description', 'ilike', `[magnetiq-lead:${CONTACT}:`], '|', ['active', '=', true], ['active', '=', false]],
      ],
      ['res.partner', [['ref', '=', `magnetiq:${CONTACT}`], '|', ['active', '=', true], ['active', '=', false]]],
    ]);
  });
});
