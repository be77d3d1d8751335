import formGuard from './form-guard';

export default { 'form-guard': formGuard };
