// CloudFormation's DescribeStacks, in its query API: a stack's status and its outputs.
import { callQuery, xmlText, type AwsHttp } from './aws-http.ts';

export interface StackDescription {
  status: string;
  outputs: Record<string, string>;
}

/** The stack by name or id; throws AwsError ValidationError when there is none. */
export async function describeStack(cloudformation: AwsHttp, stack: string): Promise<StackDescription> {
  const xml = await callQuery(cloudformation, '2010-05-15', 'DescribeStacks', { StackName: stack });
  const outputs: Record<string, string> = {};
  const block = /<Outputs>([\s\S]*?)<\/Outputs>/.exec(xml)?.[1] ?? '';
  for (const member of block.matchAll(/<member>([\s\S]*?)<\/member>/g)) {
    const key = xmlText(member[1]!, 'OutputKey');
    const value = xmlText(member[1]!, 'OutputValue');
    if (key && value !== null) outputs[key] = value;
  }
  return { status: xmlText(xml, 'StackStatus') ?? 'UNKNOWN', outputs };
}
