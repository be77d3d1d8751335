import admin from './admin';
import links from './links';
import submissions from './submissions';

export default { admin, links, submissions };
