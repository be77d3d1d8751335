import analytics from './analytics';
import downloads from './downloads';
import papers from './papers';
import requests from './requests';
import stats from './stats';

export default { analytics, downloads, papers, requests, stats };
