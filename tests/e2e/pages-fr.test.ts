import { auditEveryPage } from './support/page-audit.js'

auditEveryPage('fr')
