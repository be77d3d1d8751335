export const SchedulesPage = () => null;
