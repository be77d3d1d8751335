'use strict';

/**
 * whitepapers: a download record named its language `locale` until commit 053e6ec ("download
 * records name their language 'language', not Strapi's reserved 'locale'"). On a database from
 * before, Strapi's schema sync would add an empty `language` column and drop `locale` with its
 * values. Strapi runs pending migrations (cms/database/migrations, once each, recorded in
 * `strapi_migrations`) before the schema sync, so this moves the values first.
 *
 * Idempotent: nothing happens without the old column (new installations, or already moved); only
 * empty `language` values are filled, a value already there is never overwritten.
 */
const TABLE = 'whitepapers_downloads';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(TABLE))) return;
    if (!(await knex.schema.hasColumn(TABLE, 'locale'))) return;
    if (!(await knex.schema.hasColumn(TABLE, 'language'))) {
      // the column Strapi creates for a string attribute (varchar(255)), so the sync keeps it
      await knex.schema.alterTable(TABLE, (table) => {
        table.string('language');
      });
    }
    await knex(TABLE)
      .whereNull('language')
      .whereNotNull('locale')
      .update({ language: knex.ref('locale') });
  },

  async down() {
    // nothing to undo: the old column is gone after the schema sync, the values stay in `language`
  },
};
