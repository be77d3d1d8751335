import { makeGetTranslation } from '@magnetiq/plugin-kit/admin';
import { PLUGIN_ID } from '../pluginId';

const getTranslation = makeGetTranslation(PLUGIN_ID);

export { getTranslation };
