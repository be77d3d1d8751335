/** Admin UI helpers shared by the Magnetiq plugins. */
export { apiErrorDetails, apiErrorMessage } from './apiErrorMessage';
export { CountCard } from './CountCard';
export { DataTable, type TableCell } from './DataTable';
export { DATE_TIME_FORMAT, DateTime } from './DateTime';
export { Detail, DetailText } from './Detail';
export { EmptyList } from './EmptyList';
export { PluginPage, pluginApp, type PluginPageProps } from './PluginPage';
export { PluginRoutes, type PluginRoute } from './PluginRoutes';
export { registerPluginAdmin } from './registerPluginAdmin';
export { CSV_TYPE, saveFile, saveJson } from './saveFile';
export { Section } from './Section';
export { HeaderCell, TableHead, type TableColumn } from './TableHead';
export { loadTranslations, makeGetTranslation, type Messages, type TranslationSources } from './translations';
export { useAdminAction } from './useAdminAction';
export { useAdminQuery, type QueryParams } from './useAdminQuery';
export { useNotifyError } from './useNotifyError';
export { useSaveDownload } from './useSaveDownload';
