import { describe, expect, it } from 'vitest';
import { withoutOrganisationNames } from '@/lib/entities/organisation-named-software';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';

describe('software that goes by a listed organisation’s name', () => {
  const organisations = [{ name: 'Cloudbox', type: 'technology', aliases: ['Cloudbox.io'] }];

  it('loses that name, keeping its longer ones; a family left with no name is dropped', () => {
    const records = withoutOrganisationNames(
      [
        { name: 'Cloudbox', aliases: [], kind: 'malware' },
        { name: 'Cloudbox Ransomware', aliases: ['Cloudbox'], weak: ['Cloudbox'], kind: 'ransomware' },
        { name: 'Unrelated', aliases: ['Other'], kind: 'malware' },
      ],
      organisations,
    );
    expect(records).toEqual([
      { name: 'Cloudbox Ransomware', aliases: [], weak: [], kind: 'ransomware' },
      { name: 'Unrelated', aliases: ['Other'], kind: 'malware' },
    ]);
  });

  it('keeps every name of a family ATT&CK lists', () => {
    const attack = { name: 'Cloudbox', aliases: [], kind: 'tool', mitre_id: 'S9999' };
    expect(withoutOrganisationNames([attack], organisations)).toEqual([attack]);
  });

  it('reads MEGA, where data goes, as the file-hosting company, not a trojan of the same name', () => {
    const found = createEntityScanner(loadEntityData()).findEntities(
      'The ransomware affiliates exfiltrated the stolen data with Rclone to MEGA before deploying the encryptor.',
    );
    expect(found.filter((e) => e.kind !== 'technique').map((e) => `${e.kind} ${e.canonical}`)).toEqual([
      'tool Rclone',
      'organization MEGA',
    ]);
  });
});
