/**
 * `npx tsx server/src/verify-audit.ts <audit.jsonl>`: checks the audit log's hash chain.
 * Exit 0 and the line count when it is whole; exit 1 and the first broken line otherwise.
 */
import { verifyAuditChain } from './audit';

const file = process.argv[2];
if (!file) {
  console.error('Gebruik: npx tsx server/src/verify-audit.ts <auditlog.jsonl>');
  process.exit(2);
}
const verdict = await verifyAuditChain(file);
if (verdict.ok) {
  console.log(`Auditlog in orde: ${verdict.lines} regels, keten ongeschonden.`);
} else {
  console.error(`Auditlog NIET in orde: regel ${verdict.line}: ${verdict.reason}.`);
  process.exit(1);
}
