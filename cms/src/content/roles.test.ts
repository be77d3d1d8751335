import { describe, expect, it } from 'vitest';
import { withoutFields } from './roles';

const CM = 'plugin::content-manager.explorer';
const host = (action: string) => ({
  action: `${CM}.${action}`,
  subject: 'plugin::booking.host',
  properties: { fields: ['name', 'email', 'calendarId', 'photo', 'seo.title'], locales: ['en'] },
});

describe('withoutFields', () => {
  it('drops the named fields of the subject from every action', () => {
    const [read, update] = withoutFields([host('read'), host('update')], {
      'plugin::booking.host': ['email', 'calendarId'],
    });
    expect(read.properties?.fields).toEqual(['name', 'photo', 'seo.title']);
    expect(update.properties?.fields).toEqual(['name', 'photo', 'seo.title']);
    expect(update.properties?.locales).toEqual(['en']);
  });

  it('drops nested fields of a named component', () => {
    const [read] = withoutFields([host('read')], { 'plugin::booking.host': ['seo'] });
    expect(read.properties?.fields).toEqual(['name', 'email', 'calendarId', 'photo']);
  });

  it('only touches the actions it is given', () => {
    const [read, update] = withoutFields([host('read'), host('update')], { 'plugin::booking.host': ['email'] }, [
      `${CM}.update`,
    ]);
    expect(read.properties?.fields).toContain('email');
    expect(update.properties?.fields).not.toContain('email');
  });

  it('leaves other subjects and permissions without fields alone', () => {
    const page = { action: `${CM}.read`, subject: 'api::page.page', properties: { fields: ['email'] } };
    const media = { action: 'plugin::upload.read' };
    expect(withoutFields([page, media], { 'plugin::booking.host': ['email'] })).toEqual([page, media]);
  });
});
