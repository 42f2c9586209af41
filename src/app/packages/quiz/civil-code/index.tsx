import { CivilCodeReader } from '../../../features/civil-code/components/civil-code-reader';
import { PageShell } from '../../../shared/ui/page-shell';

/** 民法典全文: the contents by book and chapter, and search by article number or words. */
export default function CivilCodePage() {
  return (
    <PageShell>
      <CivilCodeReader />
    </PageShell>
  );
}
