/** English for the certificate verification page and the problem codes of awards. Same keys as `verify.id.ts`. */
export const verifyEn = {
  "verify.title": "Verify a certificate or record",
  "verify.lead":
    "Check that an award certificate or an innovation record issued through Gagas is genuine. The verification code is printed next to the QR code; scanning the QR code opens this page.",
  "verify.code": "Verification code",
  "verify.codeHint":
    "For example GGS-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE (certificate) or GGR-… (record). Upper or lower case, with or without dashes.",
  "verify.codeRequired": "Enter the verification code printed on the certificate.",
  "verify.submit": "Check certificate",
  "verify.another": "Check another code",
  "verify.checking": "Checking the certificate…",
  "verify.validTitle": "This certificate is genuine",
  "verify.validLead": "The certificate with code {code} is on record in Gagas.",
  "verify.recipient": "Awarded to",
  "verify.award": "Award",
  "verify.period": "Period",
  "verify.announced": "Announced",
  "verify.agency": "Agency",
  "verify.invalidTitle": "Certificate not found",
  "verify.invalidText":
    "There is no certificate with code {code}. Check every character of the code. If the code is right, that certificate was not issued through Gagas.",
  "verify.privacy":
    "To protect personal data, a verification shows only the recipient's name, the award and the agency.",

  "code.award.already_announced": "Your agency has already announced an award with this title for the same period.",
  "code.award.recipient_unknown": "Recipients must be civil servants of your agency.",
  "code.award.recipient_inactive": "This recipient's account is deactivated.",
  "code.award.unit_unknown": "Choose an active unit of your agency.",
  "code.award.idea_unknown": "Choose a submitted idea of your agency.",
  "code.award.self_award": "A leader cannot give an award to themself.",
  "code.award.no_recipient": "Choose at least one recipient: a civil servant, the team of an idea or a unit.",
  "code.award.too_many_recipients": "An award goes to at most 50 people.",
} as const;
