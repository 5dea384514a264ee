// onward on AWS: SES receives the forwarded rejection (S3 action, then Lambda action), the inbound
// function records and drafts, the review function (Function URL) sends on approval, an hourly
// schedule expires old drafts, and SES bounce/complaint events of letters come back to the case.
//
// The stack only composes its parts, one file each. A part builds its resources in the stack's
// own scope rather than under a construct of its own: CloudFormation knows a resource by a
// logical id made from its construct path, so a level more would give every resource a new id,
// and CloudFormation would replace them all (orphaning the cases table and the raw-mail bucket,
// and voiding every link with a new signing secret). test/infra/logical-ids.test.ts pins them.
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alarms } from './alarms.ts';
import type { OnwardConfig } from './config.ts';
import { handlerEnvironment } from './handler-environment.ts';
import { Housekeeping } from './housekeeping.ts';
import { InboundMail } from './inbound-mail.ts';
import { ReviewSite } from './review-site.ts';
import { Sending } from './sending.ts';
import { Storage } from './storage.ts';

export interface OnwardStackProps extends StackProps {
  readonly config: OnwardConfig;
}

export class OnwardStack extends Stack {
  constructor(scope: Construct, id: string, props: OnwardStackProps) {
    super(scope, id, props);
    const { config } = props;
    const storage = new Storage(this, config);
    const sending = new Sending(this, config, storage);
    const made = {
      tableName: storage.cases.tableName,
      bucketName: storage.rawMail.bucketName,
      signingSecretArn: storage.signingSecret.secretArn,
      configurationSet: sending.configurationSetName,
    };
    const review = new ReviewSite(this, config, {
      storage,
      sending,
      environment: handlerEnvironment(config, made),
    });
    // The functions that mail links learn the site's address from the stack.
    const environment = handlerEnvironment(config, { ...made, reviewUrl: review.url });
    const inbound = new InboundMail(this, config, { storage, sending, environment });
    const housekeeping = new Housekeeping(this, config, { storage, sending, environment });
    new Alarms(this, {
      ownerEmail: config.ownerEmail,
      failedEvents: storage.failedEvents,
      functions: [inbound.fn, inbound.replies, review.fn, housekeeping.fn, sending.feedback],
    });
  }
}
