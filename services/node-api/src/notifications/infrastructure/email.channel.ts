import { createTransport, type Transporter } from 'nodemailer';
import type { NotificationMessage } from '../domain/notification-message';

/** Sends notifications by e-mail through the country's SMTP server (ENLACE_SMTP_URL). */
export class EmailChannel {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(to: string, message: NotificationMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to, subject: message.subject, text: message.text });
  }

  close(): void {
    this.transport.close();
  }
}
