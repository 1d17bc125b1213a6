import { randomUUID } from 'node:crypto'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import nodemailer from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

/**
 * Where Payload's emails (reader verification, password resets) go: an SMTP server when SMTP_URL
 * is set (e.g. smtps://user:pass@smtp.example.com:465), else one JSON file per message in MAIL_DIR
 * (default .data/mail), so a demo or a test can read what would have been sent.
 */
export function emailAdapter(options: { smtpUrl?: string; mailDir: string; from: string; fromName: string }): EmailAdapter {
  return ({ payload }) => {
    const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null
    return {
      name: transport ? 'smtp' : 'file',
      defaultFromAddress: options.from,
      defaultFromName: options.fromName,
      sendEmail: async (message: SendEmailOptions) => {
        const from = message.from ?? { name: options.fromName, address: options.from }
        if (transport) return transport.sendMail({ ...message, from })
        await mkdir(options.mailDir, { recursive: true })
        const file = path.join(options.mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.json`)
        // Written aside and renamed into place, so whoever reads the folder never finds half a message.
        await writeFile(`${file}.partial`, JSON.stringify({ from, to: message.to, subject: message.subject, html: message.html, text: message.text }, null, 2))
        await rename(`${file}.partial`, file)
        payload.logger.info({ to: message.to, subject: message.subject, file }, 'email written to the mail folder (no SMTP_URL set)')
        return { file }
      },
    }
  }
}
