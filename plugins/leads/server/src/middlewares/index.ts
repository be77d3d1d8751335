import formGuard from './form-guard';
import textParams from './text-params';

export default { 'form-guard': formGuard, 'text-params': textParams };
