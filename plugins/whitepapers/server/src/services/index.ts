import analytics from './analytics';
import downloads from './downloads';
import erasure from './erasure';
import papers from './papers';
import requests from './requests';
import stats from './stats';

export default { analytics, downloads, erasure, papers, requests, stats };
