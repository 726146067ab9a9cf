import {
  demoAgents,
  demoLicense,
  demoVisitors,
  otherLicense,
  otherOwner,
  type DemoAgent,
  type DemoAgentRole,
} from '../../../emulators/demo/people';

/**
 * The demo world's people by name, taken from `emulators/demo/people.ts` so that tests name them
 * instead of copying their emails and ids.
 */

function demoAgentNamed(name: string, role: DemoAgentRole): DemoAgent {
  const agent = demoAgents.find((a) => a.name === name && a.role === role);
  if (!agent) throw new Error(`emulators/demo/people.ts has no ${role} named ${name}`);
  return agent;
}

/** Owner of the demo license; also a user of the demo Salesforce org. */
export const olivia = demoAgentNamed('Olivia Owner', 'owner');
/** Vice-owner of the demo license. */
export const victor = demoAgentNamed('Victor Vice', 'viceowner');
/** Administrator of the demo license. */
export const ada = demoAgentNamed('Ada Admin', 'administrator');
/** Normal agent of the demo license, group General (0); answers the demo chats. */
export const nora = demoAgentNamed('Nora Agent', 'normal');
/** A second normal agent of the demo license. */
export const nate = demoAgentNamed('Nate Agent', 'normal');
/** Owner of the other license (isolation tests). */
export const oscar = otherOwner;

export { demoLicense, demoVisitors, otherLicense };
