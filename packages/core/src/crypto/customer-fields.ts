import { blindIndex, seal } from './field-crypto';

export type SealedCustomer = {
  email: string;
  emailHash: string;
  name: string;
  phone: string;
  phoneHash: string;
};

/** A customer's contact details as stored: sealed, with the blind indexes that find them. */
export function sealCustomer(customer: {
  email: string;
  name: string;
  phone: string;
}): SealedCustomer {
  const email = customer.email.trim().toLowerCase();
  return {
    email: seal(email),
    emailHash: blindIndex('email', email),
    name: seal(customer.name),
    phone: seal(customer.phone),
    phoneHash: blindIndex('phone', customer.phone),
  };
}

export const emailIndex = (email: string): string => blindIndex('email', email);
export const phoneIndex = (phone: string): string => blindIndex('phone', phone);

/** A conversation's contact as stored: sealed name and e-mail, and the e-mail's index. */
export function sealConversationContact(contact: { name: string; email: string }): {
  customerName: string;
  customerEmail: string;
  customerEmailHash: string;
} {
  const email = contact.email.trim().toLowerCase();
  return {
    customerName: seal(contact.name),
    customerEmail: seal(email),
    customerEmailHash: blindIndex('email', email),
  };
}
