import overview from './overview';
import tables from './tables';

export default { overview, tables };
