export { conversationCookie } from './customer-conversation';
export { getCustomerConversation } from './get-customer-conversation';
export { markReadByCustomer } from './mark-read-by-customer';
export { postCustomerMessage } from './post-customer-message';
export { startConversation } from './start-conversation';
export { customerEventStream } from './customer-stream';
export { countUnreadConversations } from './count-unread-conversations';
export { getStaffConversation } from './get-staff-conversation';
export { listConversations } from './list-conversations';
export { markReadByStaff } from './mark-read-by-staff';
export { replyToConversation } from './reply-to-conversation';
export { updateConversation } from './update-conversation';
export {
  assistantConfigured,
  replyAsAssistant,
  settleAssistant,
} from './assistant/reply-as-assistant';
export {
  CONVERSATION_COOKIE,
  conversationCookieHeader,
  readConversationCookie,
  verifyConversationKey,
} from '../links/conversation-link';
