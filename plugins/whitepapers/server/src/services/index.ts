import downloads from './downloads';
import papers from './papers';
import requests from './requests';
import stats from './stats';

export default { downloads, papers, requests, stats };
