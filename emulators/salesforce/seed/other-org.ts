import { otherLicense, otherOwner } from '../../demo/people';
import { buildOrgSeed, splitName } from './build-seed';
import type { OrgSeed, RecordSeed } from './types';

/** The org of the other company (for isolation tests): its owner and a handful of records. */
export function otherOrgSeed(): OrgSeed {
  return buildOrgSeed({
    name: otherLicense.name,
    myDomain: 'other-company',
    pod: '8b',
    users: [
      { Username: otherOwner.email, Email: otherOwner.email, ...splitName(otherOwner.name), Title: 'CEO' },
      {
        Username: 'irene.inside@other-company.example',
        Email: 'irene.inside@other-company.example',
        FirstName: 'Irene',
        LastName: 'Inside',
        Title: 'Inside Sales',
      },
    ],
    records: (ids, users): RecordSeed[] => {
      const owner = users[0]?.Id ?? null;
      const account = ids('001');
      return [
        {
          object: 'Account',
          fields: { Id: account, Name: 'Initrode', Industry: 'Consulting', OwnerId: owner },
        },
        {
          object: 'Contact',
          fields: {
            Id: ids('003'),
            FirstName: 'Peter',
            LastName: 'Gibbons',
            Email: 'peter.gibbons@initrode.example',
            Phone: '+1 512 555 0100',
            AccountId: account,
            OwnerId: owner,
          },
        },
        {
          object: 'Lead',
          fields: {
            Id: ids('00Q'),
            FirstName: 'Milton',
            LastName: 'Waddams',
            Email: 'milton.waddams@example.com',
            Company: 'Initech Basement',
            OwnerId: owner,
          },
        },
      ];
    },
  });
}
