import admin from './admin';
import links from './links';
import status from './status';
import submissions from './submissions';

export default { admin, links, status, submissions };
