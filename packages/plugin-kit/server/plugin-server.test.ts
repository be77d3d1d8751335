import { describe, expect, it } from 'vitest';
import {
  contentTypeUids,
  ownConfig,
  ownPlugin,
  ownServices,
  pluginServer,
  tableOf,
  type OwnPluginHost,
} from './plugin-server';
import { adminGuard } from './routes';

const host = (): OwnPluginHost & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    plugin: (plugin) => ({
      service: (name) => {
        asked.push(`${plugin}.${name}`);
        return { name };
      },
    }),
    config: {
      get: (path) => {
        asked.push(path);
        return { secret: 'x' };
      },
    },
  };
};

describe('ownServices / ownConfig', () => {
  type Services = { catalog: () => { name: string }; 'rate-limit': () => { name: string } };

  it('looks the service up in the plugin it was made for, on each call', () => {
    const getService = ownServices<Services>('booking');
    const strapi = host();
    expect(getService(strapi, 'catalog')).toEqual({ name: 'catalog' });
    expect(getService(strapi, 'rate-limit')).toEqual({ name: 'rate-limit' });
    expect(strapi.asked).toEqual(['booking.catalog', 'booking.rate-limit']);
  });

  it("reads the plugin's configuration under plugin::<id>", () => {
    const strapi = host();
    expect(ownConfig<{ secret: string }>('webinars')(strapi).secret).toBe('x');
    expect(strapi.asked).toEqual(['plugin::webinars']);
  });
});

describe('pluginServer', () => {
  it('fills in the hooks and maps a plugin does not have, and keeps what it gives', () => {
    const bootstrap = () => undefined;
    const policies = { guard: () => true };
    const server = pluginServer({ bootstrap, routes: { admin: {} }, policies });
    expect(Object.keys(server).sort()).toEqual(
      ['bootstrap', 'contentTypes', 'destroy', 'middlewares', 'policies', 'register', 'routes'].sort(),
    );
    expect(server.bootstrap).toBe(bootstrap);
    expect(server.policies).toBe(policies);
    expect(server.middlewares).toEqual({});
    expect(server.contentTypes).toEqual({});
    expect(server.register()).toBeUndefined();
    expect(server.destroy()).toBeUndefined();
  });
});

describe('adminGuard', () => {
  it('asks for a signed-in admin with every listed permission', () => {
    expect(adminGuard('plugin::booking.read')).toEqual({
      policies: [
        'admin::isAuthenticatedAdmin',
        { name: 'admin::hasPermissions', config: { actions: ['plugin::booking.read'] } },
      ],
    });
    expect(adminGuard('a', 'b').policies[1]).toEqual({
      name: 'admin::hasPermissions',
      config: { actions: ['a', 'b'] },
    });
  });
});

describe('ownPlugin / contentTypeUids', () => {
  it('answers the getService and getConfig of the plugin it was made for', () => {
    const { getService, getConfig } = ownPlugin<{ catalog: () => { name: string } }, { secret: string }>('booking');
    const strapi = host();
    expect(getService(strapi, 'catalog')).toEqual({ name: 'catalog' });
    expect(getConfig(strapi)).toEqual({ secret: 'x' });
    expect(strapi.asked).toEqual(['booking.catalog', 'plugin::booking']);
  });

  it('names each content type under its plugin, and the map cannot change', () => {
    const UID = contentTypeUids('booking', { host: 'host', meetingType: 'meeting-type' });
    const meetingType: 'plugin::booking.meeting-type' = UID.meetingType;
    expect(meetingType).toBe('plugin::booking.meeting-type');
    expect(UID).toEqual({ host: 'plugin::booking.host', meetingType: 'plugin::booking.meeting-type' });
    expect(Object.isFrozen(UID)).toBe(true);
  });
});

describe('tableOf', () => {
  it("answers a content type's collectionName and refuses a model without one", () => {
    expect(tableOf({ uid: 'plugin::demo.download', collectionName: 'demo_downloads' })).toBe('demo_downloads');
    expect(() => tableOf({ uid: 'plugin::demo.download' })).toThrow('plugin::demo.download has no collectionName');
    expect(() => tableOf(undefined)).toThrow('has no collectionName');
  });
});
