// An app that installed the package: it bundles the npm build and configures it.
import { configure } from 'preorder-elements';

configure({ endpoint: '/api/availability?skus={skus}' });
