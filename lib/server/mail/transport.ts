import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

const holder = globalThis as unknown as { __usagePortalMailer?: Transporter };

/** Notifications are mailed only when SMTP_URL names a server. */
export function mailIsOn(): boolean {
  return env.SMTP_URL !== undefined;
}

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** The same on every attempt of one mail, so that a mail sent twice reads as one. */
  messageId: string;
}

/** Hands a plain-text mail to SMTP_URL's server from SMTP_FROM; throws when the server refuses it. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set: no mail can be sent.");
  holder.__usagePortalMailer ??= nodemailer.createTransport(env.SMTP_URL);
  await holder.__usagePortalMailer.sendMail({ from: env.SMTP_FROM, ...mail });
}
