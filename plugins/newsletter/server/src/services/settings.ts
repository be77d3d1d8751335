import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fromJson, getConfig, TABLE } from '../utils';

const ADDRESS = 'physicalAddress';

/** The newsletter's settings: the postal address every campaign carries (set in the admin, else NEWSLETTER_POSTAL_ADDRESS). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const service = {
    async physicalAddress(): Promise<string> {
      const row = await knex()(TABLE.settings).where({ key: ADDRESS }).first('value');
      const value = row ? fromJson<unknown>(row.value) : '';
      const stored = typeof value === 'string' ? value : '';
      return stored || getConfig(strapi).physicalAddress;
    },

    /** A campaign without a postal address is not sent (CAN-SPAM, § 5 TMG): a clear 400. */
    async requireAddress(): Promise<string> {
      const address = await service.physicalAddress();
      if (!address.trim())
        throw new errors.ValidationError('Set the postal address in the newsletter settings before sending', {
          errors: [
            {
              path: ['physicalAddress'],
              message: 'no postal address configured',
              name: 'ValidationError',
              value: null,
              code: 'required',
            },
          ],
        });
      return address;
    },

    async read() {
      return { physicalAddress: await service.physicalAddress() };
    },

    async write(input: { physicalAddress: string }) {
      await knex()(TABLE.settings)
        .insert({ key: ADDRESS, value: JSON.stringify(input.physicalAddress), updated_at: new Date() })
        .onConflict('key')
        .merge();
      return service.read();
    },
  };
  return service;
};
