import download from './download';
import whitepaper from './whitepaper';

export default { whitepaper, download };
